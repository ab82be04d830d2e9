"""Score sheets: what one evaluator says of one brick, criterion by criterion."""

from pydantic import BaseModel, ConfigDict, StrictInt

from tpt_model.catalogue.types import Id, Text


class Score(BaseModel):
    """One evaluator's score of one brick on one criterion."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    brick: Id
    evaluator: Text
    criterion: Id
    value: StrictInt


class ScoreSheet(BaseModel):
    """One evaluator's scores of one brick, by criterion id, with an optional comment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    brick: Id
    evaluator: Text
    scores: dict[Id, StrictInt]
    comment: str | None = None

    def as_scores(self) -> list[Score]:
        """The sheet as one score per criterion."""
        return [
            Score(brick=self.brick, evaluator=self.evaluator, criterion=criterion, value=value)
            for criterion, value in self.scores.items()
        ]
