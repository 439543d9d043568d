"""`outreach` command line: serve, demo, seed, engine train|run, db upgrade, users, campaign."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlalchemy.engine import make_url

from bot.conversation.supervisor import (
    EngineSetupError,
    EngineSupervisor,
    evaluate_model,
    train_model,
    validate_data,
)
from bot.core.clock import use_clock_file
from bot.core.db import Database, DatabaseUrlError, async_url, upgrade_database
from bot.core.logs import configure_logging
from bot.core.private import keep_files_private, token_hint
from bot.core.settings import DEMO_API_TOKEN, Settings, SettingsError
from bot.messages.literacy import LANGUAGES
from bot.outreach.policy import fixed_offset_zone
from bot.outreach.workflows import WORKFLOWS
from bot.staff import campaigns_cli, users_cli
from bot.staff.demo import DEMO_STAFF, demo_password
from channels.sms import INBOUND_PATH
from channels.twilio_sim import TwilioSimulator

log = logging.getLogger(__name__)

# Zones tried, in order, for the demo's example task, so the example lands inside quiet-hours rules now.
DEMO_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
              "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Europe/London")


def _say(text: str) -> None:
    print(text, flush=True)


async def _serve(settings: Settings, banner: str = "", show_api_token: bool = False) -> None:
    """Run the app (its role's parts) and its engine replicas until Ctrl-C or SIGTERM; stop all within seconds."""
    supervisor = EngineSupervisor(settings, train_model(settings)) if settings.engines else None
    from bot.web.app import build_app

    app = build_app(settings)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    watcher: asyncio.Task[None] | None = None
    try:
        await site.start()
        if supervisor is not None:
            _say(f"engine: starting {len(supervisor.replicas)} replica(s) (logs: var/logs/engine-<port>.log)")
            started = loop.time()
            starting = asyncio.create_task(supervisor.start())
            await asyncio.wait([starting, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
            if not starting.done():
                starting.cancel()
                return
            starting.result()
            _say(f"engine: ready in {loop.time() - started:.1f} s")
            watcher = asyncio.create_task(supervisor.watch(stop), name="engine-watch")
        base = f"http://{settings.host}:{settings.port}"
        backend = make_url(settings.database_url).get_backend_name()
        shown_token = settings.api_token if show_api_token else f"{token_hint(settings.api_token)} (OUTREACH_API_TOKEN)"
        _say(f"\nOutreach bot is running (role {settings.role}, database {backend})."
             f"\n  API:        {base}/api/v1  (Authorization: Bearer {shown_token})")
        if settings.use_simulator:
            log.warning("simulator.on", extra={"url": settings.simulator_url or f"{base}/sim/"})
        if settings.simulator_in_process:
            _say(f"  Phones:     {base}/sim/  (simulated Twilio)")
        elif settings.use_simulator:
            _say(f"  Phones:     {settings.simulator_url}/sim/  (simulated Twilio, its own process)")
        engines = ", ".join(r.url for r in supervisor.replicas) if supervisor else settings.engine_url
        if settings.run_web:
            _say(f"  Staff:      {base}/staff/login  (inbox, dashboard, campaigns; accounts: `outreach users add`)")
        _say(f"  Engine:     {engines}  (Rasa, token-protected)\n  Health:     {base}/healthz")
        if banner:
            _say(banner)
        _say("Press Ctrl-C to stop.")
        await stop.wait()
    finally:
        _say("stopping…")
        stop.set()
        if watcher is not None:
            watcher.cancel()
        # the engines and the app stop side by side: everything is gone within 5 s of Ctrl-C
        await asyncio.gather(supervisor.stop(grace_seconds=1.0) if supervisor else asyncio.sleep(0), runner.cleanup())
        _say("stopped.")


async def _simulate(settings: Settings, port: int, webhooks: list[str]) -> None:
    """The Twilio simulator on its own port, handing inbound texts to the given app webhooks in turn."""
    simulator = TwilioSimulator(account_sid=settings.twilio_account_sid, auth_token=settings.twilio_auth_token,
                                number=settings.twilio_from_number,
                                inbound_webhook_url=webhooks or [settings.public_url + INBOUND_PATH])
    runner = web.AppRunner(simulator.standalone(), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, settings.host, port).start()
    _say(f"Twilio simulator on http://{settings.host}:{port}/sim/ (inbound texts to "
         f"{', '.join(simulator.inbound_webhook_urls)}); point apps at it with "
         f"OUTREACH_SIMULATOR_URL=http://{settings.host}:{port}")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def _demo_banner(settings: Settings) -> str:
    now = datetime.now(UTC)
    zone = next((z for z in DEMO_ZONES if 8 <= now.astimezone(ZoneInfo(z)).hour < 20), None)
    zone = zone or fixed_offset_zone(now, (10, 18))
    body = {
        "workflow": "missed_appointment",
        "idempotency_key": f"demo-{now:%Y%m%d%H%M%S}",
        "patient": {"mrn": "DEMO-1001", "given_name": "Ana", "family_name": "Rivera", "phone": "+12125550101",
                    "timezone": zone},
        "context": {"visit_type": "physical_therapy", "provider_id": "riverside-pt"},
    }
    chat = {
        "workflow": "abnormal_result",
        "idempotency_key": f"demo-chat-{now:%Y%m%d%H%M%S}",
        "patient": {"mrn": "DEMO-1002", "given_name": "Luis", "phone": "+12125550102", "timezone": zone,
                    "preferred_channel": "chat", "birth_date": "1961-07-04"},
    }
    base = f"http://{settings.host}:{settings.port}"
    # your own token stays in your environment: the example reads it from there, as your shell will
    shown = settings.api_token if settings.api_token == DEMO_API_TOKEN else "$OUTREACH_API_TOKEN"
    curl = f"  curl -s -X POST {base}/api/v1/tasks -H \"Authorization: Bearer {shown}\" \\\n" \
           "       -H 'Content-Type: application/json' -d"
    return (
        "\nTry it: create a task, then open the Phones page and reply as the patient (\"2\", \"none of those\").\n"
        f"{curl} '{json.dumps(body)}'\n"
        f"  (the timezone {zone} is one where it is daytime now: texts are only sent 8:00-21:00 patient time)\n"
        "Or a web chat: the answer's chat_url is the patient's page; the date of birth there is 07/04/1961.\n"
        f"{curl} '{json.dumps(chat)}'\n"
        f"\nStaff consoles: {base}/staff/login  (demo sign-ins, one per role)\n" + "\n".join(
            f"  {role:10}  {username} / {demo_password(username)}  ({name}, {team} team)"
            for username, role, team, _locale, name in DEMO_STAFF)
    )


def _seed(settings: Settings) -> None:
    from bot.seed import seed_demo
    from bot.staff.demo import seed_staff_demo

    async def seed() -> dict[str, int]:
        db = Database(settings.database_url)
        try:
            added = await db.run(seed_demo)
            return {**added, **await db.run(seed_staff_demo)}
        finally:
            await db.dispose()

    added = asyncio.run(seed())
    _say(f"seed: added {added['slots']} slots, {added['patients']} patients, {added['staff']} staff, "
         f"{added['handoffs']} handed-off conversations and {added['campaigns']} running campaign (existing data "
         "kept)")


async def _engine_run(settings: Settings) -> None:
    supervisor = EngineSupervisor(settings, train_model(settings))
    await supervisor.start()
    _say(f"engine running on {', '.join(r.url for r in supervisor.replicas)} (token "
         f"{token_hint(settings.engine_token)}, from OUTREACH_ENGINE_TOKEN); "
         "logs under var/logs/")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await supervisor.watch(stop)
    finally:
        await supervisor.stop()


def _templates(args: argparse.Namespace) -> int:
    from bot.messages.literacy import check, lint, sample_context, table
    from bot.messages.render import UnknownMessage, render_message

    if args.templates_command == "lint":
        findings, general = lint()
        _say(table(findings))
        bad = [f for f in findings if f.problems]
        for problem in general:
            _say(f"problem: {problem}")
        _say(f"\n{len(findings)} renderings checked; {len(bad)} with problems; {len(general)} other problems")
        return 1 if bad or general else 0
    flow = WORKFLOWS[args.workflow]
    channel, simpler = args.channel.removesuffix("_simple"), args.channel.endswith("_simple")
    for message in (flow.opening, *flow.follow_ups):
        try:
            rendered = render_message(message, channel, args.lang, sample_context(args.lang, channel),
                                      simpler=simpler)
        except UnknownMessage as error:
            _say(f"== {message}: {error}\n")
            continue
        finding = check(message, args.channel, args.lang, rendered.text)
        score = f"{finding.score_name} {finding.score}" if finding.score is not None else "no formula"
        _say(f"== {message} [{args.channel}, {args.lang}] {score}; longest sentence {finding.max_sentence}; "
             f"SMS segments {finding.segments or '-'}")
        _say(rendered.text + "".join(f"\n  [{label}]" for label in rendered.buttons))
        _say(("  problems: " + "; ".join(finding.problems)) if finding.problems else "  ok")
        _say("")
    return 0


def main(argv: list[str] | None = None) -> int:
    keep_files_private()
    parser = argparse.ArgumentParser(prog="outreach", description="Patient outreach bot")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("serve", "run the app, the engine, the simulator and the workers"),
                       ("demo", "seed demo data, then serve")):
        serve = commands.add_parser(name, help=text)
        serve.add_argument("--role", choices=("all", "web", "worker"), default=None,
                           help="web: API, webhooks, pages; worker: dispatcher and inbound sweeps; all: both "
                                "(default; also OUTREACH_ROLE)")
        serve.add_argument("--engines", type=int, default=None,
                           help="engine replicas to run and supervise (default 1; 0 uses OUTREACH_ENGINE_URL; "
                                "also OUTREACH_ENGINES)")
    simulator = commands.add_parser("simulator", help="run the Twilio simulator on its own port")
    simulator.add_argument("--port", type=int, default=8090)
    simulator.add_argument("--webhook", action="append", default=[],
                           help="an app's inbound-SMS webhook URL (repeat for several app processes)")
    commands.add_parser("seed", help="add demo data (idempotent)")
    engine = commands.add_parser("engine", help="the Rasa engine").add_subparsers(dest="engine_command",
                                                                                    required=True)
    train = engine.add_parser("train", help="train the model if domain, config or data changed")
    train.add_argument("--force", action="store_true", help="train even if a model for this data exists")
    engine.add_parser("run", help="run the engine alone")
    engine.add_parser("validate", help="check domain, config and training data (rasa data validate)")
    engine.add_parser("evaluate", help="held-out NLU scores and end-to-end conversation tests; exit 1 below the floors")
    templates = commands.add_parser("templates", help="patient message templates").add_subparsers(
        dest="templates_command", required=True)
    templates.add_parser("lint", help="check every template x language x channel; exit 1 on a violation")
    preview = templates.add_parser("preview", help="print a workflow's messages, rendered, with their scores")
    preview.add_argument("workflow", choices=sorted(WORKFLOWS))
    preview.add_argument("--lang", default="en", choices=LANGUAGES)
    preview.add_argument("--channel", default="sms", choices=("sms", "sms_simple", "voice", "chat"))
    db = commands.add_parser("db", help="database").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="migrate the schema to the newest revision")
    users_cli.add_arguments(commands)
    campaigns_cli.add_arguments(commands)
    args = parser.parse_args(argv)

    try:
        env = dict(os.environ)
        if getattr(args, "role", None):
            env["OUTREACH_ROLE"] = args.role
        if getattr(args, "engines", None) is not None:
            env["OUTREACH_ENGINES"] = str(args.engines)
        if args.command in ("demo", "simulator"):  # the simulator runs only when asked for
            env.setdefault("OUTREACH_SIMULATOR", "on")
        settings = Settings.from_env(env)
        async_url(settings.database_url)
        use_clock_file(settings.clock_file)
    except (SettingsError, DatabaseUrlError) as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 2
    configure_logging()
    if args.command == "templates":
        return _templates(args)
    try:
        if args.command == "db":
            upgrade_database(settings.database_url)
            _say("database: schema is up to date")
        elif args.command == "engine" and args.engine_command == "train":
            train_model(settings, force=args.force)
        elif args.command == "engine" and args.engine_command == "validate":
            validate_data(settings)
        elif args.command == "engine" and args.engine_command == "evaluate":
            return 0 if evaluate_model(settings) else 1
        elif args.command == "engine":
            asyncio.run(_engine_run(settings))
        elif args.command == "simulator":
            if not settings.use_simulator or "OUTREACH_SIMULATOR_AUTH_TOKEN" not in env:
                print("outreach: the simulator on its own needs OUTREACH_SIMULATOR_AUTH_TOKEN (the same in every app "
                      "process that uses it) and no TWILIO_* settings", file=sys.stderr)
                return 2
            asyncio.run(_simulate(settings, args.port, args.webhook))
        elif args.command == "users":
            upgrade_database(settings.database_url)
            return users_cli.run(args, settings)
        elif args.command == "campaign":
            upgrade_database(settings.database_url)
            return campaigns_cli.run(args, settings)
        elif args.command == "seed":
            upgrade_database(settings.database_url)
            _seed(settings)
        else:
            if problem := settings.start_problem():
                print(f"outreach: {problem}", file=sys.stderr)
                return 2
            upgrade_database(settings.database_url)
            demo = args.command == "demo"
            if demo:
                _seed(settings)
            # the demo's token is the published demo default, shown so the banner's commands work as printed
            asyncio.run(_serve(settings, _demo_banner(settings) if demo else "",
                               show_api_token=demo and settings.api_token == DEMO_API_TOKEN))
    except EngineSetupError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
