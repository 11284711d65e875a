"""Starts one provider fake: run.py whatsapp|evolution|telegram HOST PORT."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import serve  # noqa: E402
from evolution import Evolution  # noqa: E402
from telegram import Telegram  # noqa: E402
from whatsapp import WhatsApp  # noqa: E402

PROVIDERS = {"whatsapp": WhatsApp, "evolution": Evolution, "telegram": Telegram}

if __name__ == "__main__":
    provider, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    serve(PROVIDERS[provider], host, port)
