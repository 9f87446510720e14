"""Records linked both ways: from an award to its recipient is a field; from a recipient to its
awards is an index built here once, so that every page finds what points at its record."""

from __future__ import annotations

from collections import defaultdict

from . import kinds


class Links:
    """Indexes over the records of `of(kind)`, by public id; a PublicView is one (public.py)."""

    def of(self, kind: str) -> list:
        raise NotImplementedError

    def link(self) -> None:
        """Build every index; called once the records are final."""
        self.by_id: dict[str, dict] = {ns: {r.id: r for kind in group for r in self.of(kind.key)}
                                       for ns, group in kinds.namespaces().items() if ns != "don_vi"}
        self.bodies = self.by_id["co_quan"]
        self._link_awards()
        self._link_documents()
        self._link_models()
        self._link_events()
        self._link_former_units()

    def get(self, ref):
        """The record a reference names."""
        return self.by_id[ref.kind][ref.id]

    def _link_awards(self) -> None:
        self.awards_of: dict[str, list] = defaultdict(list)            # recipient → its awards
        self.awards_in_movement: dict[str, list] = defaultdict(list)
        self.awards_by_decision: dict[str, list] = defaultdict(list)    # decided or revoked by a document
        for award in self.of("khen_thuong"):
            if award.recipient:
                self.awards_of[award.recipient.id].append(award)
            for m in award.movements:
                self.awards_in_movement[m.id].append(award)
            if award.decision:
                self.awards_by_decision[award.decision.id].append(award)
            if award.revoked_by:
                self.awards_by_decision[award.revoked_by.id].append(award)

    def _link_documents(self) -> None:
        self.movements_of_doc: dict[str, list] = defaultdict(list)      # launched or planned by a document
        for movement in self.of("phong_trao"):
            for ref in movement.launched_by + movement.plans:
                self.movements_of_doc[ref.id].append(movement)
        self.reports_citing: dict[str, list] = defaultdict(list)
        self.reports_on_movement: dict[str, list] = defaultdict(list)
        for report in self.of("bao_cao"):
            for ref in report.cited + ([report.answers] if report.answers else []):
                self.reports_citing[ref.id].append(report)
            for ref in report.movements:
                self.reports_on_movement[ref.id].append(report)

    def _link_models(self) -> None:
        self.models_of: dict[str, list] = defaultdict(list)
        self.models_in_movement: dict[str, list] = defaultdict(list)
        for model in self.of("dien_hinh"):
            self.models_of[model.recipient.id].append(model)
            for ref in model.movements:
                self.models_in_movement[ref.id].append(model)

    def _link_events(self) -> None:
        """The events where each award, model and recipient was honored, and movements launched or closed."""
        self.events_of_award: dict[str, list] = defaultdict(list)
        self.events_of_model: dict[str, list] = defaultdict(list)
        self.events_of_recipient: dict[str, list] = defaultdict(list)
        self.events_of_movement: dict[str, list] = defaultdict(list)
        for event in self.of("su_kien"):
            for ref in event.awards:
                _add_once(self.events_of_award[ref.id], event)
            for ref in event.models:
                _add_once(self.events_of_model[ref.id], event)
            for ref in event.launched + event.closed:
                _add_once(self.events_of_movement[ref.id], event)
        for model in self.of("dien_hinh"):
            if model.event:
                _add_once(self.events_of_model[model.id], self.get(model.event))
        for award in self.of("khen_thuong"):
            for event in self.events_of_award[award.id] if award.recipient else ():
                _add_once(self.events_of_recipient[award.recipient.id], event)
        for model in self.of("dien_hinh"):
            for event in self.events_of_model[model.id]:
                _add_once(self.events_of_recipient[model.recipient.id], event)

    def _link_former_units(self) -> None:
        """The records that say they belong to each former unit (xã X (cũ)), in registry order."""
        self.of_former: dict[str, list] = defaultdict(list)
        for kind in kinds.KINDS:
            for record in self.of(kind.key) if kind.layout != kinds.SINGLE else ():
                ref = getattr(record, "former_unit", None)
                if ref is not None:
                    self.of_former[ref.id].append(record)


def _add_once(events: list, event) -> None:
    if all(e is not event for e in events):
        events.append(event)
