"""Inter-parliamentary work: organisations and national groups (committees), meetings (cadence, preparation),
positions, resolutions, interventions, summaries with follow-ups, coordination with the House secretariat.

Split along its seams: ``cadence`` (dates predicted from reference data), ``meetings``, ``positions``,
``summaries``, ``committees`` and ``calendar`` (the calendar's provider)."""
