"""The correspondence dashboard (correspondence.ipynb): registers, routing, attachments, search."""
