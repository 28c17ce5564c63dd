// teams-card FILE.json...: Microsoft's adaptivecards SDK parses every card (a bare card, an attachment,
// or an activity's attachments) for schema version 1.5, the one Teams renders. Any parse or validation
// event fails the card (unknown element or action, bad enum value, input without id, choice without
// value, a property newer than 1.5...), and so does a card over 80 KB, past Teams' message size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');
const cardType = 'application/vnd.microsoft.card.adaptive';
const maxBytes = 80 * 1024;

function cardsIn(json) {
  if (!json || typeof json !== 'object') return [];
  if (json.type === 'AdaptiveCard') return [json];
  if (json.contentType === cardType) return [json.content];
  if (json.type === cardType && json.value) return [json.value];
  if (Array.isArray(json.attachments)) return json.attachments.flatMap(cardsIn);
  return [];
}

function problems(card) {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  const found = events.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > maxBytes) found.push(`the card is ${bytes} bytes, over the ${maxBytes} a Teams message may carry`);
  return { found, bytes };
}

export async function run(files) {
  let failures = 0;
  for (const file of files) {
    let cards;
    try {
      cards = cardsIn(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}\n  not JSON: ${error.message}`);
      continue;
    }
    if (cards.length === 0) {
      failures++;
      console.log(`FAIL ${file}\n  holds no Adaptive Card`);
      continue;
    }
    cards.forEach((card, i) => {
      const name = cards.length > 1 ? `${file}#${i}` : file;
      const { found, bytes } = problems(card);
      if (found.length === 0) {
        console.log(`ok   ${name} (${bytes} bytes)`);
        return;
      }
      failures++;
      console.log(`FAIL ${name}`);
      for (const line of found) console.log(`  ${line}`);
    });
  }
  return failures ? 1 : 0;
}
