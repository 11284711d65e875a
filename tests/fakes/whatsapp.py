"""The WhatsApp Cloud API (Meta Graph), as far as MotoGestor speaks it:
POST /{version}/{phone-number-id}/messages with a Bearer token; webhooks signed with
X-Hub-Signature-256 = sha256=<hex HMAC-SHA256(app_secret, raw body)>."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import time

from common import Handler, new_id, post_json

WINDOW_SECONDS = 24 * 3600


def graph_error(status: int, code: int, message: str, details: str = "", subcode=None):
    err = {"message": message, "type": "OAuthException", "code": code,
           "error_data": {"messaging_product": "whatsapp", "details": details or message},
           "fbtrace_id": new_id("A")[:24]}
    if subcode is not None:
        err["error_subcode"] = subcode
    return status, {"error": err}


class WhatsApp(Handler):
    def account_key(self, body):
        return body["phone_number_id"]

    def provider(self, method, path, query, raw):
        m = re.fullmatch(r"/v\d+\.\d+/([^/]+)/messages", path)
        if method != "POST" or not m:
            return self.reply(*graph_error(400, 100, "Unsupported request - method type: "
                                           f"{method.lower()}"))
        account_id = m.group(1)
        s = self.state
        account = s.accounts.get(account_id)
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return self.reply(*graph_error(401, 190, "An access token is required to request "
                                           "this resource."))
        if account is None:
            return self.reply(*graph_error(400, 100, f"Unsupported post request. Object with ID "
                                           f"'{account_id}' does not exist", subcode=33))
        if auth[len("Bearer "):] != account["access_token"]:
            return self.reply(*graph_error(401, 190, "Invalid OAuth access token - Cannot parse "
                                           "access token"))
        try:
            body = json.loads(raw)
        except ValueError:
            return self.reply(*graph_error(400, 100, "Invalid parameter"))
        problem = self.check(body)
        if problem:
            return self.reply(*graph_error(400, 100, "Invalid parameter", problem))
        b = s.mode(account_id)
        mode = b["mode"]
        if mode == "fail":
            return self.reply(500, {"error": {"message": "An unknown error occurred", "type":
                                              "OAuthException", "code": 1, "fbtrace_id": "x"}})
        if mode == "timeout":
            self.hold(b)
            return self.reply(504, b"", "text/plain")
        if mode == "throttle":
            return self.reply(*graph_error(429, int(b.get("code", 130429)), "(#130429) Rate limit "
                                           "hit", "Cloud API message throughput has been reached."))
        to = body["to"]
        if body["type"] == "text" and mode == "window":
            last = s.extra[account_id].get("inbound", {}).get(to)
            if last is None or time.time() - last > WINDOW_SECONDS:
                return self.reply(*graph_error(
                    400, 131047, "(#131047) Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the "
                    "customer last replied to this number."))
        if body["type"] == "template":
            name = body["template"]["name"]
            if name not in account.get("templates", []):
                return self.reply(*graph_error(404, 132001, "(#132001) Template name does not "
                                               "exist in the translation",
                                               f"template name ({name}) does not exist in pt_BR"))
        wamid = "wamid." + new_id("HBgN")
        s.accept(account_id, {"id": wamid, "to": to, "type": body["type"],
                              "text": body.get("text", {}).get("body"),
                              "template": body.get("template"),
                              "callback": body.get("biz_opaque_callback_data")})
        if mode == "delay":
            self.hold(b)
        return self.reply(200, {"messaging_product": "whatsapp",
                                "contacts": [{"input": to, "wa_id": to}],
                                "messages": [{"id": wamid, "message_status": "accepted"}]})

    @staticmethod
    def check(body) -> str:
        if not isinstance(body, dict) or body.get("messaging_product") != "whatsapp":
            return "The parameter messaging_product is required."
        to = body.get("to")
        if not isinstance(to, str) or not re.fullmatch(r"\d{8,15}", to):
            return "The parameter to is required."
        t = body.get("type", "text")
        if t == "text":
            text = (body.get("text") or {}).get("body")
            if not isinstance(text, str) or not 1 <= len(text) <= 4096:
                return "The parameter text['body'] is required."
        elif t == "template":
            tpl = body.get("template") or {}
            if not tpl.get("name") or not (tpl.get("language") or {}).get("code"):
                return "The parameter template['name'] and template['language'] are required."
        else:
            return f"Unsupported type {t}"
        cb = body.get("biz_opaque_callback_data")
        if cb is not None and len(cb.encode()) > 512:
            return "biz_opaque_callback_data is over 512 bytes"
        return ""

    def deliver(self, account_id, spec):
        s = self.state
        account = s.accounts[account_id]
        value = {"messaging_product": "whatsapp",
                 "metadata": {"display_phone_number": "15550000000",
                              "phone_number_id": spec.get("phone_number_id", account_id)}}
        if spec.get("type", "message") == "message":
            sender = spec["from"]
            value["contacts"] = [{"profile": {"name": spec.get("name", "Cliente")},
                                  "wa_id": sender}]
            value["messages"] = [{"from": sender, "id": spec.get("id") or "wamid." + new_id("IN"),
                                  "timestamp": str(int(time.time())), "type": "text",
                                  "text": {"body": spec["text"]}}]
            with s.lock:
                s.extra[account_id].setdefault("inbound", {})[sender] = time.time()
        else:
            sent = next((m for m in s.sent.get(account_id, []) if m["id"] == spec["message_id"]),
                        {})
            status = {"id": spec["message_id"], "status": spec["status"],
                      "timestamp": str(int(time.time())), "recipient_id": sent.get("to", ""),
                      "pricing": {"billable": True, "pricing_model": "CBP",
                                  "category": "utility"}}
            if sent.get("callback"):
                status["biz_opaque_callback_data"] = sent["callback"]
            if spec["status"] == "failed":
                status["errors"] = [{"code": spec.get("code", 131026),
                                     "title": spec.get("title", "Message undeliverable"),
                                     "message": "Message undeliverable",
                                     "error_data": {"details": "Message undeliverable"}}]
            value["statuses"] = [status]
        payload = json.dumps({"object": "whatsapp_business_account",
                              "entry": [{"id": "WABA" + account_id,
                                         "changes": [{"field": "messages", "value": value}]}]}
                             ).encode()
        secret = spec.get("sign_with", account["app_secret"])
        headers = {}
        if spec.get("sign", True):
            headers["X-Hub-Signature-256"] = "sha256=" + hmac.new(
                secret.encode(), payload, hashlib.sha256).hexdigest()
        url = spec.get("url") or account.get("webhook_url")
        status, text = post_json(url, payload, headers)
        return {"status": status, "body": text, "payload": payload.decode(), "headers": headers}
