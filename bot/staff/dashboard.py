"""The operations dashboard: the funnel and its breakdowns for a date range, workflow and campaign, each table
also as CSV. The figures are the ones ``GET /api/v1/reports/funnel`` gives a warehouse."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from sqlmodel import Session, col, select

from bot.core.context import Outreach
from bot.core.models import Campaign
from bot.core.spreadsheets import csv_text
from bot.outreach.workflows import WORKFLOWS
from bot.reports.funnel import OUTCOMES, STEPS, Range, ReportError, funnel_report
from bot.staff.accounts import StaffMember
from bot.staff.pages import page_context, render
from bot.staff.reasons import GROUPS, N_
from bot.staff.security import STAFF_PREFIX, staff_only

TABLES = ("workflows", "outcomes", "fall_out", "waits", "by_channel", "by_language", "by_hour", "handoffs")
STEP_NAMES = ("targeted", *(name for name, _ in STEPS))


def table(report: dict[str, Any], name: str) -> tuple[list[str], list[list[Any]]]:
    """One of the dashboard's tables as a header and rows (the page and the CSV export share it)."""
    workflows = report["workflows"]
    if name == "workflows":
        return (["workflow", *STEP_NAMES, "resolved_share"],
                [[w, *(f["counts"][s] for s in STEP_NAMES), f["resolution_rate"]] for w, f in workflows.items()])
    if name == "outcomes":
        return ["workflow", *OUTCOMES], [[w, *(f["outcomes"][o] for o in OUTCOMES)] for w, f in workflows.items()]
    if name == "fall_out":
        steps = list(report["total"]["fall_out"])
        return ["workflow", *steps], [[w, *(f["fall_out"][s] for s in steps)] for w, f in workflows.items()]
    if name == "waits":
        waits = list(report["total"]["median_minutes"])
        return ["workflow", *waits], [[w, *(f["median_minutes"][s] for s in waits)] for w, f in workflows.items()]
    if name in ("by_channel", "by_language", "by_hour"):
        return (["group", "contacted", "replied", "rate"],
                [[r["group"], r["contacted"], r["replied"], r["rate"]] for r in report["response_rate"][name]])
    if name == "handoffs":
        return (["reason", "handoffs", "waiting", "median_minutes_to_claim"],
                [[r["group"], r["handoffs"], r["waiting"], r["median_minutes_to_claim"]] for r in report["handoffs"]])
    raise KeyError(name)


def dashboard_routes(ctx: Outreach) -> list[web.AbstractRouteDef]:
    async def read(request: web.Request) -> tuple[Range, dict[str, Any] | None, str]:
        try:
            scope = Range.from_query(request.query)
            if scope.workflow and scope.workflow not in WORKFLOWS:
                raise ReportError(f"There is no workflow {scope.workflow!r}.")
            return scope, await ctx.db.run(lambda s: funnel_report(s, scope)), ""
        except ReportError as problem:
            return Range(), None, str(problem)

    @staff_only("operations")
    async def dashboard(request: web.Request, member: StaffMember) -> web.StreamResponse:
        scope, report, problem = await read(request)
        campaigns = await ctx.db.run(_campaigns)
        tables = {name: table(report, name) for name in TABLES} if report else {}
        return render("dashboard.html", member.locale, status=400 if problem else 200,
                      **await page_context(request, member), report=report, tables=tables, problem=problem,
                      scope=scope.as_query(), workflows=sorted(WORKFLOWS), campaigns=campaigns, steps=STEP_NAMES,
                      groups=GROUPS, query_string=request.query_string)

    @staff_only("operations")
    async def export(request: web.Request, member: StaffMember) -> web.StreamResponse:
        name = request.match_info["table"]
        if name not in TABLES:
            raise web.HTTPNotFound(text=f"no table {name!r}; one of {', '.join(TABLES)}")
        _scope, report, problem = await read(request)
        if report is None:
            raise web.HTTPBadRequest(text=problem)
        header, rows = table(report, name)
        return web.Response(text=csv_text(header, rows), content_type="text/csv", headers={
            "Content-Disposition": f'attachment; filename="outreach-{name}.csv"'})

    return [web.get(f"{STAFF_PREFIX}/dashboard", dashboard),
            web.get(f"{STAFF_PREFIX}/dashboard/{{table}}.csv", export)]


def _campaigns(session: Session) -> list[tuple[str, str]]:
    return [(c.id, c.name) for c in session.exec(select(Campaign).order_by(col(Campaign.created_at).desc())
                                                  .limit(200))]


# the tables' column and row words, for the consoles' catalogs (the template shows them with spaces for "_")
COLUMN_WORDS = (
    N_("workflow"), N_("targeted"), N_("contacted"), N_("delivered"), N_("replied"), N_("resolved share"),
    N_("booked"), N_("confirmed"), N_("completed"), N_("declined"), N_("opted out"), N_("unreachable"),
    N_("handed off"), N_("cancelled"), N_("expired"), N_("open"), N_("targeted to contacted"),
    N_("contacted to delivered"), N_("delivered to replied"), N_("replied to booked"), N_("group"), N_("rate"),
    N_("reason"), N_("handoffs"), N_("waiting"), N_("median minutes to claim"),
)
