"""Documents the workbench produces: calendars (ICS), spreadsheets (XLSX/CSV), letters, briefing packs, PDF."""
