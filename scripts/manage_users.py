"""Create, replace or list the accounts that may upload and publish data.

    python scripts/manage_users.py add danang-editor --role editor --province 48   # asks for the password
    python scripts/manage_users.py add admin --role admin                          # idem
    python scripts/manage_users.py list

The password is read from the terminal (or from ``$EIPMAP_PASSWORD`` for scripts) and stored
only as an Argon2 hash. The database is the app's: ``$EIPMAP_DATABASE_URL`` or the SQLite file
beside the data folder.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from eipmap.releases.accounts import Role, add_user, list_users
from eipmap.releases.store import Store, default_url


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="create or replace an account")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--province", help="two-digit 2025 province code of an editor (e.g. 48 for Đà Nẵng)")
    sub.add_parser("list", help="list the accounts")
    args = parser.parse_args(argv)
    store = Store(default_url())
    if args.command == "list":
        for account in list_users(store):
            sys.stdout.write(f"{account.username}\t{account.role.value}\t{account.province_code or ''}\n")
        return 0
    password = os.environ.get("EIPMAP_PASSWORD") or getpass.getpass(f"Password for {args.username}: ")
    if len(password) < 10:
        sys.stderr.write("a password needs at least 10 characters\n")
        return 2
    try:
        add_user(store, args.username, password, Role(args.role), args.province)
    except ValueError as err:
        sys.stderr.write(f"{err}\n")
        return 2
    sys.stdout.write(f"account {args.username} ({args.role}) saved in {store.url.split('@')[-1]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
