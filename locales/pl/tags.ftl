# Strona hasztagu: wpisy, które go zawierają.

tag-intro = Wpisy z hasztagiem #{ $tag }, od najnowszych.
tag-posts = Wpisy
tag-empty = Nie ma jeszcze wpisów z tym hasztagiem.
