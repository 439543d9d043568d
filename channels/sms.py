"""SMS over Twilio: outbound through the official client, inbound and status webhooks with signatures checked.

Setting ``base_url`` points the official client at the local simulator; leaving it unset talks to Twilio.
"""

from __future__ import annotations

from aiohttp import web
from twilio.base.exceptions import TwilioRestException
from twilio.twiml.messaging_response import MessagingResponse

from channels.base import DeliveryUpdate, InboundMessage, OnDelivery, OnInbound, SendError, SendResult
from channels.twilio_account import TwilioAccount, document_urls, media_urls

INBOUND_PATH = "/channels/sms/inbound"
STATUS_PATH = "/channels/sms/status"
# Twilio's own default keywords: Twilio blocks (or unblocks) the number and sends its own confirmation, so the
# app must not confirm these again. Other words (Spanish, phrases) the app confirms itself.
PROVIDER_OPT_OUT_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
PROVIDER_OPT_IN_WORDS = frozenset({"start", "yes", "unstop"})
# Twilio Advanced Opt-Out names the keyword it matched (the account's own words, in any language) and answers it
PROVIDER_KEYWORD_TYPES = frozenset({"STOP", "START", "HELP"})
# Twilio error codes worth another try later; everything else is final for that message.
RETRYABLE_CODES = frozenset({20429, 30001, 30003, 30008, 21611})


def provider_keyword(form: dict[str, str]) -> str | None:
    """The keyword Twilio's Advanced Opt-Out matched and answered itself (``OptOutType``), if any."""
    value = str(form.get("OptOutType") or "").strip().upper()
    return value if value in PROVIDER_KEYWORD_TYPES else None


class TwilioSms:
    """The SMS channel: the webhooks' routes exist from construction; sending needs ``start()``."""

    name = "sms"

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str,
        public_url: str,
        base_url: str | None = None,
    ) -> None:
        self.from_number = from_number
        self.public_url = public_url.rstrip("/")
        self.account = TwilioAccount(account_sid=account_sid, auth_token=auth_token, public_url=public_url,
                                     base_url=base_url)

    async def start(self) -> None:
        await self.account.start()

    async def close(self) -> None:
        await self.account.close()

    async def send(self, to: str, body: str) -> SendResult:
        client = self.account.client("SMS")
        try:
            message = await client.messages.create_async(
                to=to, from_=self.from_number, body=body, status_callback=self.public_url + STATUS_PATH
            )
        except TwilioRestException as error:
            raise SendError(str(error.msg), code=error.code, retryable=error.code in RETRYABLE_CODES) from None
        except (OSError, TimeoutError) as error:
            raise SendError(f"could not reach the SMS provider: {error}", retryable=True) from None
        return SendResult(provider_sid=str(message.sid), status=str(message.status))

    async def find_sent(self, to: str, body: str) -> list[SendResult]:
        """The provider's records of ``body`` sent to ``to``, newest first (after a crash between our handing a
        message over and hearing back, this says whether it went; the caller skips the ones it knows)."""
        client = self.account.client("SMS")
        try:
            sent = await client.messages.list_async(to=to, limit=50)
        except (TwilioRestException, OSError, TimeoutError) as error:
            raise SendError(f"could not ask the SMS provider what it sent: {error}", retryable=True) from None
        return [SendResult(provider_sid=str(message.sid), status=str(message.status)) for message in sent
                if message.body == body and str(message.from_) == self.from_number]

    @staticmethod
    def provider_blocks(body: str) -> bool:
        """True when Twilio itself blocks the number on this message, and confirms it."""
        return body.strip().strip(".!").lower() in PROVIDER_OPT_OUT_WORDS

    @staticmethod
    def provider_unblocks(body: str, opt_out_keyword: str) -> bool:
        """True when Twilio itself unblocks (and confirms) on this message: only after it had blocked."""
        return TwilioSms.provider_blocks(opt_out_keyword) and body.strip().strip(".!").lower() in PROVIDER_OPT_IN_WORDS

    def routes(self, on_inbound: OnInbound, on_delivery: OnDelivery) -> list[web.RouteDef]:
        async def inbound(request: web.Request, form: dict[str, str]) -> web.Response:
            sid = str(form.get("MessageSid") or form.get("SmsSid") or "")
            sender = str(form.get("From", ""))
            if not sid or not sender:
                return web.Response(status=400, text="MessageSid and From are required")
            if "Body" not in form and not media_urls(form):  # Twilio leaves Body out only of an all-media message
                return web.Response(status=400, text="Body is required when there is no media")
            media = document_urls(form)  # a contact card or a voice note is never taken for the paper asked for
            await on_inbound(
                InboundMessage(
                    channel="sms", provider_sid=sid, sender=sender, recipient=str(form.get("To", "")),
                    body=str(form.get("Body", "")), media_urls=media,
                    provider_keyword=provider_keyword(form),
                )
            )
            return web.Response(text=str(MessagingResponse()), content_type="application/xml")

        async def status(request: web.Request, form: dict[str, str]) -> web.Response:
            sid = str(form.get("MessageSid") or form.get("SmsSid") or "")
            state = str(form.get("MessageStatus") or form.get("SmsStatus") or "")
            if not sid or not state:
                return web.Response(status=400, text="MessageSid and MessageStatus are required")
            code = form.get("ErrorCode")
            await on_delivery(DeliveryUpdate("sms", sid, state, str(code) if code else None))
            return web.Response(status=204)

        return [web.post(INBOUND_PATH, self.account.signed(inbound, "sms")),
                web.post(STATUS_PATH, self.account.signed(status, "sms"))]
