# Przenoszenie grupy na inną instancję (issue 15)
group-moving-link = Przenieś tę grupę na inną instancję
group-moving-title = Przenoszenie grupy { $group }
group-moving-moved-saved = Grupa została przeniesiona. Jej obserwujący zostali powiadomieni.
group-moved-notice = Ta grupa została przeniesiona do
group-moving-aliases-heading = Ta grupa gdzie indziej
group-moving-aliases-intro = Aby przenieść grupę z innej instancji tutaj, najpierw wpisz ją tutaj: jedną w wierszu, jako @nazwa@host lub jej adres.
group-moving-aliases-label = Inne adresy grupy
group-moving-move-heading = Przenieś do grupy na innej instancji
group-moving-move-intro = Nowa grupa musi najpierw podać { $group } jako alias. Obserwujący grupę zaczną obserwować nową grupę, a ta pozostanie, oznaczona jako przeniesiona.
group-moving-move-label = Nowa grupa
group-moving-move-button = Przenieś tę grupę
modlog-kind-group-moved = Grupa przeniesiona
field-error-group-moved = Ta grupa została przeniesiona do { $place } i nie przyjmuje tu nowych wpisów.
