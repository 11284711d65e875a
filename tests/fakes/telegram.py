"""The Telegram Bot API: POST /bot<token>/<method> answering {"ok":true,"result"} or
{"ok":false,"error_code","description","parameters"?}; setWebhook's secret_token comes
back in X-Telegram-Bot-Api-Secret-Token on every update delivered."""
from __future__ import annotations

import itertools
import json
import re
import time

from common import Handler, post_json

_update_ids = itertools.count(10_000)
_message_ids = itertools.count(1)


def fail(code: int, description: str, **parameters):
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return code, body


class Telegram(Handler):
    def account_key(self, body):
        return body["bot_token"]

    def provider(self, method, path, query, raw):
        m = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", path)
        if not m:
            return self.reply(*fail(404, "Not Found"))
        token, api_method = m.group(1), m.group(2)
        s = self.state
        if token not in s.accounts:
            return self.reply(*fail(401, "Unauthorized"))
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.reply(*fail(400, "Bad Request: can't parse JSON object"))
        if api_method == "getMe":
            return self.reply(200, {"ok": True, "result": {
                "id": 1, "is_bot": True, "username": s.accounts[token].get("bot_username")}})
        if api_method == "setWebhook":
            secret = body.get("secret_token")
            if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
                return self.reply(*fail(400, "Bad Request: secret token contains unallowed "
                                              "characters"))
            if not str(body.get("url", "")).startswith(("http://", "https://")):
                return self.reply(*fail(400, "Bad Request: bad webhook: An HTTPS URL must be "
                                              "provided for webhook"))
            with s.lock:
                s.extra[token]["webhook"] = body
            return self.reply(200, {"ok": True, "result": True,
                                    "description": "Webhook was set"})
        if api_method != "sendMessage":
            return self.reply(*fail(404, "Not Found: method not found"))
        chat_id, text = body.get("chat_id"), body.get("text")
        if chat_id in (None, ""):
            return self.reply(*fail(400, "Bad Request: chat_id is empty"))
        if not isinstance(text, str) or not text.strip():
            return self.reply(*fail(400, "Bad Request: message text is empty"))
        if len(text) > 4096:
            return self.reply(*fail(400, "Bad Request: message is too long"))
        # A bot writes only to chats that started it.
        if str(chat_id) not in s.extra[token].get("chats", {}):
            return self.reply(*fail(400, "Bad Request: chat not found"))
        b = s.mode(token)
        if b["mode"] == "fail":
            return self.reply(*fail(500, "Internal Server Error"))
        if b["mode"] == "timeout":
            self.hold(b)
            return self.reply(504, b"", "text/plain")
        if b["mode"] == "throttle":
            retry = int(b.get("retry_after", 1))
            return self.reply(*fail(429, f"Too Many Requests: retry after {retry}",
                                    retry_after=retry))
        message_id = next(_message_ids)
        s.accept(token, {"id": str(message_id), "to": str(chat_id), "text": text})
        if b["mode"] == "delay":
            self.hold(b)
        return self.reply(200, {"ok": True, "result": {
            "message_id": message_id, "date": int(time.time()),
            "chat": {"id": int(chat_id), "type": "private"}, "text": text}})

    def deliver(self, token, spec):
        s = self.state
        hook = s.extra[token].get("webhook") or {}
        chat = int(spec.get("chat_id", 5_000_000 + next(_update_ids)))
        update_id = int(spec.get("id") or next(_update_ids))
        update = {"update_id": update_id, "message": {
            "message_id": next(_message_ids),
            "from": {"id": chat, "is_bot": False, "first_name": spec.get("name", "Cliente"),
                     "username": "cliente"},
            "chat": {"id": chat, "type": "private"}, "date": int(time.time()),
            "text": spec["text"]}}
        if spec["text"].startswith("/"):
            update["message"]["entities"] = [{"offset": 0, "type": "bot_command",
                                              "length": len(spec["text"].split()[0])}]
        with s.lock:
            s.extra[token].setdefault("chats", {})[str(chat)] = True
        payload = json.dumps(update).encode()
        headers = {}
        secret = spec.get("secret", hook.get("secret_token"))
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        status, text = post_json(spec.get("url") or hook["url"], payload, headers)
        return {"status": status, "body": text, "payload": payload.decode(), "headers": headers,
                "chat_id": chat, "update_id": update_id}
