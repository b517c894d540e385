# Siden for et hashtag: indlæg, der bærer det.

tag-intro = Indlæg med #{ $tag }, nyeste først.
tag-posts = Indlæg
tag-empty = Endnu ingen indlæg med dette hashtag.
