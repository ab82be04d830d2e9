"""Frise TechPourToutes: the programme's model, free of any user interface."""

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.loader import LoadResult
from tpt_model.errors import Problem, ProblemsError
from tpt_model.scenario.folder import check_catalogue, load_catalogue

__all__ = ["Catalogue", "LoadResult", "Problem", "ProblemsError", "check_catalogue", "load_catalogue"]
