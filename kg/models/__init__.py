"""Trained models shipped with kg (package data), so nothing is downloaded at run time.

``ner_kk.crfsuite``: the Kazakh NER CRF (``kg.ner``), trained on the de-duplicated
train part of the KazNERD validation split (Yeshpanov, Khassanov, Varol: "KazNERD:
Kazakh Named Entity Recognition Dataset", LREC 2022; CC BY 4.0).  Reproduce it with
``kg train ner --lang kk ../shared/data/kaznerd/IOB2_valid.txt``; measure it with
``python benchmarks/ner_kk.py``.
"""
