"""An intent classifier for short patient texts in English, Spanish, Chinese and Vietnamese, from one model.

Rasa's own LogisticRegressionClassifier takes raw counts from the CountVectorsFeaturizers; on our held-out set
(docs/engine.md) TF-IDF features with sublinear term frequency, negation-marked word n-grams and less
regularisation do markedly better, at the same speed. Features and classifier live here, in one component:
word 1–2-grams over the negation-marked text (Chinese: one token per character) plus character 1–5-grams within
word boundaries, accents folded (and the accented words kept unfolded, for Vietnamese), then a class-balanced
logistic regression whose probabilities the FallbackClassifier reads.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import numpy as np
import skops.io as sio
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from outreach_nlu.text import accented_words, fold, mark_negation, normalise

logger = logging.getLogger(__name__)

# Rasa's cache keys a component by its name and config, not its code: the code's digest goes into the config.
_CODE_DIGEST = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
).hexdigest()[:12]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class PatientTextIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "word_max_ngram": 2,
            "char_min_ngram": 1,
            "char_max_ngram": 5,
            "C": 20.0,  # inverse regularisation: short texts, many rare but telling n-grams
            "max_iter": 1000,
            "ranking_length": 10,
            "code_digest": _CODE_DIGEST,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "skops"]

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 parts: dict[str, Any] | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.parts = parts  # "words", "chars": fitted vectorizers; "classifier": the fitted regression

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> PatientTextIntentClassifier:
        return cls(config, model_storage, resource)

    def _features(self, texts: list[str], fit: bool = False) -> csr_matrix:
        """Word n-grams of the folded, negation-marked text; the unfolded words that carry accents; character
        n-grams of the folded text (see ``outreach_nlu.text``)."""
        assert self.parts is not None
        marked = [mark_negation(t) for t in texts]
        columns = {
            "words": [fold(m) for m in marked],
            "accented": [accented_words(m) for m in marked],
            "chars": [fold(normalise(t)) for t in texts],
        }
        blocks = []
        for name, column in columns.items():
            vectorizer = self.parts.get(name)
            if vectorizer is None:  # a model trained before the vectorizer existed
                continue
            blocks.append(vectorizer.fit_transform(column) if fit else vectorizer.transform(column))
        return hstack(blocks).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("no intent examples: %s not trained", self.__class__.__name__)
            return self._resource
        self.parts = {
            "words": TfidfVectorizer(ngram_range=(1, self.config["word_max_ngram"]), sublinear_tf=True,
                                     token_pattern=r"\S+", lowercase=False),
            "accented": TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+", lowercase=False),
            "chars": TfidfVectorizer(analyzer="char_wb", sublinear_tf=True, lowercase=False,
                                     ngram_range=(self.config["char_min_ngram"], self.config["char_max_ngram"])),
            "classifier": LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"],
                                             class_weight="balanced", random_state=42),
        }
        features = self._features([e.get(TEXT) for e in examples], fit=True)
        self.parts["classifier"].fit(features, np.array([e.get(INTENT) for e in examples]))
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self.parts is None:
            return messages
        classifier: LogisticRegression = self.parts["classifier"]
        probabilities = classifier.predict_proba(self._features([m.get(TEXT) or "" for m in messages]))
        for message, row in zip(messages, probabilities, strict=True):
            ranking = sorted(({"name": str(name), "confidence": float(p)} for name, p in
                              zip(classifier.classes_, row, strict=True)), key=lambda r: -r["confidence"])
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking[: self.config["ranking_length"]], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.parts, Path(model_dir) / "model.skops")

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> PatientTextIntentClassifier:
        try:
            with model_storage.read_from(resource) as model_dir:
                path = Path(model_dir) / "model.skops"
                parts = sio.load(path, trusted=sio.get_untrusted_types(file=path))  # our own file, from training
        except (ValueError, FileNotFoundError):
            logger.debug("no trained %s in the model; an untrained one answers nothing", cls.__name__)
            return cls.create(config, model_storage, resource, execution_context)
        return cls(config, model_storage, resource, parts)

