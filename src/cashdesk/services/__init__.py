"""Use cases, one each: the only way in for the window and the command line.

Each runs in one unit of work and returns plain result objects.
"""
