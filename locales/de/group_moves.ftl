# Eine Gruppe auf eine andere Instanz umziehen (Issue 15)
group-moving-link = Diese Gruppe auf eine andere Instanz umziehen
group-moving-title = Umzug der Gruppe { $group }
group-moving-moved-saved = Die Gruppe ist umgezogen. Ihre Follower wurden benachrichtigt.
group-moved-notice = Diese Gruppe ist umgezogen nach
group-moving-aliases-heading = Diese Gruppe anderswo
group-moving-aliases-intro = Um eine Gruppe von einer anderen Instanz hierher umzuziehen, nenne sie zuerst hier: eine pro Zeile, als @name@host oder mit ihrer Adresse.
group-moving-aliases-label = Die anderen Adressen der Gruppe
group-moving-move-heading = Zu einer Gruppe auf einer anderen Instanz umziehen
group-moving-move-intro = Die neue Gruppe muss zuerst { $group } als Alias angeben. Die Follower der Gruppe folgen dann der neuen Gruppe; diese bleibt erhalten und wird als umgezogen markiert.
group-moving-move-label = Die neue Gruppe
group-moving-move-button = Diese Gruppe umziehen
modlog-kind-group-moved = Gruppe umgezogen
field-error-group-moved = Diese Gruppe ist nach { $place } umgezogen und nimmt hier keine neuen Beiträge mehr an.
