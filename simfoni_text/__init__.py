"""SIMFONI's text tools, free of Django and of the project's apps.

* :mod:`simfoni_text.analysis`: Indonesian analysis for search (normalise, stop words, stem);
* :mod:`simfoni_text.facts`: tokens and facts (figures, periods, places) for the duplicate check;
* :mod:`simfoni_text.urls`: canonical form of evidence URLs;
* :mod:`simfoni_text.places`: the registry of place names both use, filled with data by the
  caller (the site: ``phenomena.places``).
"""
