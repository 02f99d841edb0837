"""Service functions: session in, result out; every rule of the workbench lives here.

Each public function takes the session first and keyword-only arguments after it, checks its input, and
writes inside one ``workbench.db.transaction`` so that a user action is committed whole or not at all.
"""
