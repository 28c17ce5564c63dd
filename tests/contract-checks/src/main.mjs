#!/usr/bin/env node
// Entry point of AccountBot's contract checks: `checks.mjs TOOL ARGS...`. Each tool is a module beside this file and
// prints one "ok   FILE" or "FAIL FILE" line per input, then exits 1 when anything failed (2 on misuse).
const tools = {
  'slack-json': './slack-json.mjs',
  'slack-signature': './slack-signature.mjs',
  'slack-manifest': './slack-manifest.mjs',
  'teams-card': './teams-card.mjs',
  'teams-manifest': './teams-manifest.mjs',
};

const [tool, ...args] = process.argv.slice(2);
if (!tool || !(tool in tools) || args.length === 0) {
  process.stderr.write(`usage: check TOOL ARGS...
  slack-json FILE.KIND.json...   Block Kit messages, modals, responses and incoming payloads, type-checked
                                 against @slack/types, @slack/web-api and @slack/bolt; KIND is one of
                                 blocks message ephemeral update respond modal home views-open views-push
                                 views-update views-publish view-response in-command in-block-actions
                                 in-view-submission in-view-closed in-app-mention
  slack-signature CASE.json...   {"signingSecret","timestamp","body","signature","expectValid"[,"nowSeconds"]}
                                 judged by @slack/bolt's verifySlackRequest
  slack-manifest FILE.yml...     a Slack app manifest (YAML or JSON) against Slack's app-manifest JSON schema
  teams-card FILE.json...        Adaptive Cards (or attachments/activities carrying them) parsed by the
                                 adaptivecards SDK at version 1.5; any event or a card over 80 KB fails
  teams-manifest DIR [BOT_ID]    a Teams app package folder (manifest.json + icons) against the schemas in
                                 @microsoft/app-manifest, plus https URLs, semver and icon sizes
`);
  process.exit(2);
}

try {
  const { run } = await import(new URL(tools[tool], import.meta.url));
  process.exitCode = await run(args);
} catch (error) {
  console.error(`${tool}: ${error?.stack ?? error}`);
  process.exitCode = 2;
}
