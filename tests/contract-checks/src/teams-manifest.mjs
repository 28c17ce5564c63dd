// teams-manifest DIR [BOT_ID]: the Teams app package folder's manifest.json against the manifest schema
// its $schema names, as bundled in @microsoft/app-manifest (offline), plus what that schema leaves out:
// a MAJOR.MINOR.PATCH version, https developer links, a 192x192 colour and a 32x32 outline PNG, and
// (given BOT_ID) a bot whose botId is the bot's Microsoft App ID.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// @microsoft/app-manifest requires fs-extra without declaring it, hence our own pin of fs-extra.
const { AppManifestUtils } = createRequire(import.meta.url)('@microsoft/app-manifest');

function pngProblem(dir, name, width, height) {
  if (!name) return 'is not named';
  const file = join(dir, name);
  if (!existsSync(file)) return `'${name}' does not exist`;
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return `'${name}' is not a PNG`;
  const w = bytes.readUInt32BE(16);
  const h = bytes.readUInt32BE(20);
  return w === width && h === height ? null : `'${name}' is ${w}x${h}, Teams wants ${width}x${height}`;
}

export async function run([dir, botId]) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8').replace(/^\uFEFF/, ''));
  const errors = [...(await AppManifestUtils.validateAgainstSchema(manifest))];
  if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(manifest.version ?? '')) errors.push(`/version '${manifest.version}' is not MAJOR.MINOR.PATCH`);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    if (!/^https:\/\//i.test(manifest.developer?.[key] ?? '')) errors.push(`/developer/${key} must be an https URL`);
  }
  const color = pngProblem(dir, manifest.icons?.color, 192, 192);
  if (color) errors.push(`/icons/color ${color}`);
  const outline = pngProblem(dir, manifest.icons?.outline, 32, 32);
  if (outline) errors.push(`/icons/outline ${outline}`);
  if (botId && !(manifest.bots ?? []).some((b) => b.botId === botId)) errors.push(`/bots: no bot has botId ${botId}`);
  console.log(errors.length === 0 ? `ok   ${dir}` : `FAIL ${dir}`);
  for (const e of errors) console.log(`  ${typeof e === 'string' ? e : JSON.stringify(e)}`);
  return errors.length ? 1 : 0;
}
