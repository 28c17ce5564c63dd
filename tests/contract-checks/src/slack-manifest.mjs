// slack-manifest FILE...: Slack's published app-manifest JSON schema (slackapi/manifest-schema,
// schemas/manifest.schema.1.0.0.json, kept beside this file) judges each manifest, read as YAML
// (which also reads JSON). Every schema error is listed, not only the first.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export async function run(files) {
  const schema = JSON.parse(readFileSync(new URL('./slack-manifest.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  let failures = 0;
  for (const file of files) {
    let manifest;
    try {
      manifest = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}\n  cannot read it as YAML: ${error.message}`);
      continue;
    }
    if (validate(manifest)) {
      console.log(`ok   ${file}`);
      continue;
    }
    failures++;
    console.log(`FAIL ${file}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
  }
  return failures ? 1 : 0;
}
