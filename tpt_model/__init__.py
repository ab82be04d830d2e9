"""Frise TechPourToutes: the programme's model, free of any user interface."""

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.loader import LoadResult, check_catalogue, load_catalogue
from tpt_model.errors import Problem, ProblemsError

__all__ = ["Catalogue", "LoadResult", "Problem", "ProblemsError", "check_catalogue", "load_catalogue"]
