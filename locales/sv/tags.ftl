# Sidan för en hashtagg: inlägg som bär den.

tag-intro = Inlägg med #{ $tag }, nyaste först.
tag-posts = Inlägg
tag-empty = Inga inlägg med den här hashtaggen ännu.
