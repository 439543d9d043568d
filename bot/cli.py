"""`outreach` command line: serve, demo, seed, engine train|run, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.conversation.engine import EngineClient
from bot.conversation.supervisor import (
    EngineProcess,
    EngineSetupError,
    evaluate_model,
    train_model,
    validate_data,
)
from bot.core.db import make_engine, session_scope, upgrade_database
from bot.core.logs import configure_logging
from bot.core.settings import PROJECT_ROOT, Settings, SettingsError
from bot.messages.literacy import LANGUAGES
from bot.outreach.policy import fixed_offset_zone
from bot.outreach.workflows import WORKFLOWS

# Zones tried, in order, for the demo's example task, so the example lands inside quiet-hours rules now.
DEMO_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
              "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Europe/London")


def _say(text: str) -> None:
    print(text, flush=True)


async def _serve(settings: Settings, banner: str = "") -> None:
    """Run the engine process and the app until Ctrl-C or SIGTERM; stop both cleanly."""
    model = train_model(settings)
    engine = EngineProcess(settings, model, PROJECT_ROOT / "var" / "logs" / "engine.log")
    from bot.web.app import build_app

    app = build_app(settings)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await site.start()
        engine.start()
        _say(f"engine: starting (log: {engine.log_path})")
        probe = EngineClient(settings.engine_url, settings.engine_token, 2.0)
        await probe.start()
        try:
            started = loop.time()
            await engine.wait_ready(probe.is_ready)
            _say(f"engine: ready in {loop.time() - started:.1f} s")
        finally:
            await probe.close()
        base = f"http://{settings.host}:{settings.port}"
        _say(f"\nOutreach bot is running.\n  API:        {base}/api/v1  (Authorization: Bearer {settings.api_token})")
        if settings.use_simulator:
            _say(f"  Phones:     {base}/sim/  (simulated Twilio)")
        _say(f"  Engine:     {settings.engine_url}  (Rasa, token-protected)\n  Health:     {base}/healthz")
        if banner:
            _say(banner)
        _say("Press Ctrl-C to stop.")
        await stop.wait()
    finally:
        _say("stopping…")
        engine.stop()
        await runner.cleanup()
        _say("stopped.")


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
    curl = f"  curl -s -X POST {base}/api/v1/tasks -H 'Authorization: Bearer {settings.api_token}' \\\n" \
           "       -H 'Content-Type: application/json' -d"
    return (
        "\nTry it: create a task, then open the Phones page and reply as the patient (\"2\", \"none of those\").\n"
        f"{curl} '{json.dumps(body)}'\n"
        f"  (the timezone {zone} is one where it is daytime now: texts are only sent 8:00-21:00 patient time)\n"
        "Or a web chat: the answer's chat_url is the patient's page; the date of birth there is 07/04/1961.\n"
        f"{curl} '{json.dumps(chat)}'"
    )


def _seed(settings: Settings) -> None:
    from bot.seed import seed_demo

    with session_scope(make_engine(settings.database_url)) as session:
        added = seed_demo(session)
    _say(f"seed: added {added['slots']} slots and {added['patients']} patients (existing data kept)")


def _engine_run(settings: Settings) -> None:
    model = train_model(settings)
    engine = EngineProcess(settings, model, PROJECT_ROOT / "var" / "logs" / "engine.log")
    engine.start()
    _say(f"engine running on {settings.engine_url} (token {settings.engine_token}); log {engine.log_path}")
    with contextlib.suppress(KeyboardInterrupt):
        signal.pause()
    engine.stop()


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
    parser = argparse.ArgumentParser(prog="outreach", description="Patient outreach bot")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the app, the engine, the simulator and the workers")
    commands.add_parser("demo", help="seed demo data, then serve")
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
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env()
    except SettingsError as error:
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
            _engine_run(settings)
        elif args.command == "seed":
            upgrade_database(settings.database_url)
            _seed(settings)
        else:
            upgrade_database(settings.database_url)
            if args.command == "demo":
                _seed(settings)
            asyncio.run(_serve(settings, _demo_banner(settings) if args.command == "demo" else ""))
    except EngineSetupError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
