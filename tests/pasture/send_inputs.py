"""Sends fediverse-pasture-inputs' object variants to an Allmende group and reads them back.

Each example of every input family (HTML, mentions, hashtags, attachments, content warnings,
languages, replies, URLs, object types, ...) is merged into a Note by fediverse-pasture's
ActivitySender, addressed to and mentioning the group, and POSTed signed to the group's inbox
by the pasture's one-actor (which must be running on ACTOR_DOMAIN, from this directory's
data.toml). The status is then looked up in the instance's public timeline, as the pasture's
Mastodon adapter does. One JSON line per example goes to standard output:

    {"input": ..., "example": n, "http_status": 202, "status": {...} or null}

Usage: python send_inputs.py ACTOR_DOMAIN INSTANCE_HOST TOKEN GROUP_URI
"""

import asyncio
import json
import sys

import aiohttp
from aiohttp.client_exceptions import ClientResponseError

from fediverse_pasture.one_actor import bovine_actor_and_session
from fediverse_pasture.runner import ActivitySender
from fediverse_pasture.runner.application.mastodon import MastodonApplication
from fediverse_pasture.runner.config import SendingConfig
from fediverse_pasture_inputs import available

LOOKUPS = 6
LOOKUP_PAUSE = 0.25


async def main(actor_domain: str, instance_host: str, token: str, group_uri: str) -> None:
    async with bovine_actor_and_session(actor_domain) as (bovine_actor, actor, session):
        application = MastodonApplication(
            domain=instance_host, access_token=token, username="", actor_uri=group_uri
        ).last_activity(session)

        async def post(inbox: str, activity: dict) -> int:
            try:
                response = await bovine_actor.post(inbox, activity)
                return response.status
            except ClientResponseError as error:
                return error.status

        for name in sorted(available):
            for index, example in enumerate(available[name].examples):
                sender = ActivitySender.for_actor(bovine_actor, actor)
                sender.sending_config = SendingConfig(include_mention=True)
                sender.sleep_after_getting_inbox = False
                sender._perform_post = post
                sender.init_create_note(lambda note: {**note, **example})
                http_status = await sender.send(group_uri)
                status = None
                for _ in range(LOOKUPS):
                    status = await application.fetch_activity(sender.object_id)
                    if status:
                        break
                    await asyncio.sleep(LOOKUP_PAUSE)
                line = {"input": name, "example": index, "http_status": http_status, "status": status}
                print(json.dumps(line), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
