"""The Evolution API (EvolutionAPI/evolution-api v2): POST /message/sendText/{instance}
with the `apikey` header, 201 with the message key; webhooks are unsigned (the product
protects them with a secret path)."""
from __future__ import annotations

import json
import re
import time

from common import Handler, new_id, post_json


def error(status: int, name: str, message):
    return status, {"status": status, "error": name, "response": {"message": message}}


class Evolution(Handler):
    def account_key(self, body):
        return body["instance"]

    def set_webhook(self, instance, raw):
        s = self.state
        account = s.accounts.get(instance)
        if account is None:
            return self.reply(*error(404, "Not Found",
                                     [f'The "{instance}" instance does not exist']))
        if self.headers.get("apikey") != account["api_key"]:
            return self.reply(*error(401, "Unauthorized", "Unauthorized"))
        try:
            hook = json.loads(raw)["webhook"]
        except (ValueError, KeyError, TypeError):
            return self.reply(*error(400, "Bad Request", ['instance requires property "webhook"']))
        if not str(hook.get("url", "")).startswith(("http://", "https://")):
            return self.reply(*error(400, "Bad Request", ['"url" is not a valid url']))
        with s.lock:
            s.extra[instance]["webhook"] = hook
        return self.reply(201, {"id": new_id(""), "url": hook["url"], "enabled": True,
                                "events": hook.get("events", []),
                                "webhookByEvents": hook.get("byEvents", False),
                                "webhookBase64": hook.get("base64", False)})

    def provider(self, method, path, query, raw):
        hook = re.fullmatch(r"/webhook/set/([^/]+)", path)
        if method == "POST" and hook:
            return self.set_webhook(hook.group(1), raw)
        m = re.fullmatch(r"/message/sendText/([^/]+)", path)
        if method != "POST" or not m:
            return self.reply(*error(404, "Not Found", ["Cannot " + method + " " + path]))
        instance = m.group(1)
        s = self.state
        key = self.headers.get("apikey")
        account = s.accounts.get(instance)
        if key is None or (account is not None and key != account["api_key"]):
            return self.reply(*error(401, "Unauthorized", "Unauthorized"))
        if account is None:
            return self.reply(*error(404, "Not Found",
                                     [f'The "{instance}" instance does not exist']))
        try:
            body = json.loads(raw)
        except ValueError:
            return self.reply(*error(400, "Bad Request", ["Invalid JSON"]))
        problems = []
        if not isinstance(body.get("number"), str) or not re.fullmatch(r"\d{8,15}",
                                                                        body["number"]):
            problems.append('instance requires property "number"')
        if not isinstance(body.get("text"), str) or not body["text"]:
            problems.append('instance requires property "text"')
        if problems:
            return self.reply(*error(400, "Bad Request", problems))
        b = s.mode(instance)
        if b["mode"] == "fail":
            return self.reply(*error(500, "Internal Server Error", "Connection Closed"))
        if b["mode"] == "timeout":
            self.hold(b)
            return self.reply(504, b"", "text/plain")
        if b["mode"] == "throttle":
            return self.reply(*error(429, "Too Many Requests", "rate-overlimit"))
        key_id = "BAE5" + new_id("")[:12].upper()
        s.accept(instance, {"id": key_id, "to": body["number"], "text": body["text"]})
        if b["mode"] == "delay":
            self.hold(b)
        return self.reply(201, {"key": {"remoteJid": body["number"] + "@s.whatsapp.net",
                                        "fromMe": True, "id": key_id},
                                "pushName": "", "status": "PENDING",
                                "message": {"conversation": body["text"]},
                                "messageType": "conversation",
                                "messageTimestamp": int(time.time()),
                                "instanceId": new_id(""), "source": "unknown"})

    def deliver(self, instance, spec):
        account = self.state.accounts[instance]
        if spec.get("type", "message") == "message":
            event = "messages.upsert"
            data = {"key": {"remoteJid": spec["from"] + "@s.whatsapp.net", "fromMe": False,
                            "id": spec.get("id") or new_id("3EB0")[:20].upper()},
                    "pushName": spec.get("name", "Cliente"),
                    "message": {"conversation": spec["text"]},
                    "messageType": "conversation",
                    "messageTimestamp": int(time.time())}
        else:
            event = "messages.update"
            data = {"keyId": spec["message_id"], "remoteJid": "", "fromMe": True,
                    "status": spec["status"]}
        payload = json.dumps({"event": event, "instance": instance, "data": data,
                              "destination": spec.get("url", ""),
                              "date_time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                              "server_url": "http://127.0.0.1", "apikey": account["api_key"]}
                             ).encode()
        status, text = post_json(spec["url"], payload, {})
        return {"status": status, "body": text, "payload": payload.decode(), "headers": {}}
