# Lukitut ketjut (Lemmyn Lock): lukittuun ketjuun ei voi vastata.
thread-locked-notice = Tämä ketju on lukittu: siihen ei voi enää vastata.
thread-lock = Lukitse ketju
thread-unlock = Avaa ketjun lukitus
