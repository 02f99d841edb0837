"""The home page (home.ipynb): the dashboards open to the signed-in user."""
