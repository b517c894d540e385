// A member's session in a web app built on masto.js (as Elk and Phanpy are): the calls such an
// app makes when it opens, then live updates over the streaming WebSocket while the member posts
// a thread into a group, pages the home timeline, acts on a post and reads the group's account.
//
// Usage: node session.mjs <instance URL> <access token> <group name>
// Prints one line per step; exits non-zero (with the failing step) when anything is off.

import { createRestAPIClient, createStreamingAPIClient } from "masto";

const [url, accessToken, groupName] = process.argv.slice(2);
if (!url || !accessToken || !groupName) {
  console.error("usage: node session.mjs <instance URL> <access token> <group name>");
  process.exit(2);
}

function check(condition, what, detail) {
  if (!condition) {
    throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
  }
  console.log(`ok - ${what}`);
}

/** Resolves with the first streamed event `accept` takes, or fails after `seconds`. */
async function nextEvent(subscription, accept, seconds) {
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no matching streaming event within ${seconds} s`)), seconds * 1000),
  );
  const wanted = (async () => {
    for await (const event of subscription) {
      if (accept(event)) {
        return event;
      }
    }
    throw new Error("the stream ended");
  })();
  return Promise.race([wanted, timeout]);
}

const masto = createRestAPIClient({ url, accessToken, timeout: 20_000 });

// What the apps load on start.
const me = await masto.v1.accounts.verifyCredentials();
check(typeof me.id === "string" && me.source !== undefined, "verify_credentials gives a CredentialAccount", me);
const instance = await masto.v2.instance.fetch();
const streamingUrl = instance.configuration?.urls?.streaming;
check(typeof streamingUrl === "string" && streamingUrl.startsWith("ws"), "the instance names its streaming URL", instance.configuration);
const v1instance = await masto.v1.instance.fetch();
check(typeof v1instance.uri === "string", "v1 instance");
check(Array.isArray(await masto.v1.customEmojis.list()), "custom emojis");
check(typeof (await masto.v1.preferences.fetch()) === "object", "preferences");
check(Array.isArray(await masto.v2.filters.list()), "filters");
check(Array.isArray(await masto.v1.lists.list()), "lists");
check(Array.isArray(await masto.v1.announcements.list()), "announcements");
check(Array.isArray(await masto.v1.followedTags.list()), "followed tags");
check(Array.isArray(await masto.v1.followRequests.list()), "follow requests");
check(typeof (await masto.v1.markers.fetch({ timeline: ["home", "notifications"] })) === "object", "markers");
check(Array.isArray(await masto.v1.notifications.list({ limit: 30 })), "notifications");

// The group, found as an account.
const group = await masto.v1.accounts.lookup({ acct: groupName });
check(group.group === true, "the group is a group account", group);
const relationship = await masto.v1.accounts.$select(group.id).follow();
check(relationship.following === true, "following the group", relationship);

// Live updates: the home stream carries the new thread as it is posted.
const streaming = createStreamingAPIClient({ streamingApiUrl: streamingUrl, accessToken, retry: false, log: process.env.MASTO_LOG ?? "warn" });
const home = streaming.user.subscribe();
const title = `Solar on the depot roof ${Date.now()}`;
// Listening starts the connection; what happens before it is connected is not streamed (as on
// Mastodon), so the thread is posted once the subscription has had time to arrive.
const arrived = nextEvent(home, (e) => e.event === "update" && e.payload.content.includes(title), 20);
await new Promise((resolve) => setTimeout(resolve, 1500));
const posted = await masto.v1.statuses.create({ status: `@${groupName} ${title}\nWho has numbers?`, visibility: "public" });
check(posted.content.includes(title), "the thread is posted", posted.content);
const streamed = await arrived;
check(streamed.event === "update" && streamed.payload.id === posted.id, "the home stream brings the new thread", streamed.event);
home.unsubscribe();
streaming.close();

// Paging the home timeline through its Link headers, as infinite scroll does.
for (let n = 0; n < 3; n += 1) {
  await masto.v1.statuses.create({ status: `@${groupName} Paging thread ${n}\nText ${n}.` });
}
const seen = new Set();
let pages = 0;
for await (const page of masto.v1.timelines.home.list({ limit: 2 })) {
  pages += 1;
  for (const status of page) {
    check(!seen.has(status.id), `home entry ${status.id} appears once`);
    seen.add(status.id);
  }
  if (pages > 10) {
    break;
  }
}
check(pages >= 2 && seen.size >= 4, `home timeline pages (${pages} pages, ${seen.size} entries)`, { pages, size: seen.size });

// Acting on a post.
const favourited = await masto.v1.statuses.$select(posted.id).favourite();
check(favourited.favourited === true && favourited.favouritesCount === 1, "favourite", favourited);
const bookmarked = await masto.v1.statuses.$select(posted.id).bookmark();
check(bookmarked.bookmarked === true, "bookmark");
const context = await masto.v1.statuses.$select(posted.id).context.fetch();
check(Array.isArray(context.ancestors) && Array.isArray(context.descendants), "context");
const reply = await masto.v1.statuses.create({ status: "Our depot has 400 m² free.", inReplyToId: posted.id });
check(reply.inReplyToId === posted.id, "reply", reply);
const withReply = await masto.v1.statuses.$select(posted.id).context.fetch();
check(withReply.descendants.some((s) => s.id === reply.id), "the reply is in the thread's context");
const edited = await masto.v1.statuses.$select(reply.id).update({ status: "Our depot has 450 m² free." });
check(edited.content.includes("450") && edited.editedAt !== null, "edit", edited);
const history = await masto.v1.statuses.$select(reply.id).history.list();
check(history.length === 2, "edit history", history.length);

// The group's account, as the app's profile view shows it: its boosts of its threads.
const groupStatuses = await masto.v1.accounts.$select(group.id).statuses.list({ limit: 20 });
const share = groupStatuses.find((s) => s.reblog?.id === posted.id);
check(share !== undefined && share.account.id === group.id, "the group's statuses are its boosts of its threads", groupStatuses.map((s) => s.id));

const search = await masto.v2.search.list({ q: groupName, type: "accounts" });
check(search.accounts.some((a) => a.id === group.id), "search finds the group");

console.log("session complete");
