// slack-signature CASE.json...: asks @slack/bolt's own verifySlackRequest whether a signature that our
// code produced (or accepted, or refused) is valid, and fails when bolt disagrees with "expectValid".
// CASE = {"signingSecret","timestamp","body","signature","expectValid"(default true)[,"nowSeconds"]};
// without nowSeconds the clock is the request's own timestamp, so old fixtures do not go stale.
import { readFileSync } from 'node:fs';
import { verifySlackRequest } from '@slack/bolt';

export async function run(files) {
  let failures = 0;
  for (const file of files) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    const now = c.nowSeconds ?? Number(c.timestamp);
    let verdict = 'valid';
    try {
      verifySlackRequest({
        signingSecret: c.signingSecret,
        body: c.body,
        headers: { 'x-slack-signature': c.signature, 'x-slack-request-timestamp': Number(c.timestamp) },
        nowMilliseconds: now * 1000,
      });
    } catch (error) {
      verdict = `invalid (${error.message})`;
    }
    const expected = c.expectValid ?? true;
    const agrees = (verdict === 'valid') === expected;
    if (!agrees) failures++;
    console.log(`${agrees ? 'ok  ' : 'FAIL'} ${file}: bolt says ${verdict}, the case expects ${expected ? 'valid' : 'invalid'}`);
  }
  return failures ? 1 : 0;
}
