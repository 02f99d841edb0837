"""Travel documents (issue 14), split along its seams:

* ``passports``: the passport register, moves history, passports expiring within a window;
* ``rules``: the reference rules (validity margin, lead times, passport type by post, visa requirements);
* ``readiness``: each member of an outbound visit, ready or not and why; deadlines counted back from departure;
* ``letters``: the passport request letter (หนังสือภายนอก) and the visa note verbale, as drafts or issued with the
  outgoing number of the correspondence register (``issuing``).
"""
