"""How likely an extracted event is right: a logistic model over what anchors it in the text.

Input: an event's features (`merge.event_features`: format word, named parties, day,
place, people, lead sentence, status, kind…). Output: a probability, the event's
`confidence`.

Why a fitted model: hand-set increments gave events at 0.8 and above that were right
only three times in four on articles the rules had not seen. The weights in
`rules/confidence.v1.json` are a logistic regression fitted by `tools/train_confidence.py`
on annotated articles (our own tests/articles and a retired blind set, whose text stays
outside the repository; only the weights are stored), so that the reliability table of
`diplograph evaluate` reads as probabilities. Applying it is a dot product: no model
library is loaded at extraction time.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Any

MODEL = "confidence.v1.json"


@functools.cache
def load_model() -> dict[str, Any]:
    "Return the shipped confidence model: its intercept and one weight per feature."
    path = resources.files("diplograph") / "rules" / MODEL
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def event_confidence(features: dict[str, float]) -> float:
    "Return the probability that an event with these features is right (rounded, within 0.05–0.97)."
    model = load_model()
    weights: dict[str, float] = model["weights"]
    z = float(model["intercept"]) + sum(weights.get(name, 0.0) * value for name, value in features.items())
    p = 1.0 / (1.0 + math.exp(-z))
    return round(max(0.05, min(0.97, p)), 3)
