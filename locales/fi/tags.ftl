# Aihetunnisteen sivu: viestit, joissa se on.

tag-intro = Viestit aihetunnisteella #{ $tag }, uusimmat ensin.
tag-posts = Viestit
tag-empty = Tällä aihetunnisteella ei ole vielä viestejä.
