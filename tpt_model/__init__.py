"""Frise TechPourToutes: the programme's model, free of any user interface."""

from tpt_model.catalogue import Catalogue
from tpt_model.loader import LoadResult, check_catalogue, load_catalogue
from tpt_model.problems import Problem, ProblemsError

__all__ = ["Catalogue", "LoadResult", "Problem", "ProblemsError", "check_catalogue", "load_catalogue"]
