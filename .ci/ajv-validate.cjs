// Validate JSON files against essprogramme's schemas with Ajv (draft 2020-12),
// as a JavaScript tool would: the schema files as they are, formats checked.
// Usage: node ajv-validate.cjs SCHEMA_DIR FILE...  Prints one JSON line per file:
// {"file": ..., "valid": bool, "paths": [JSON pointers of the errors]}.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemaDir, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
for (const name of fs.readdirSync(schemaDir).filter((n) => n.endsWith(".json"))) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, name), "utf8")));
}
const validate = ajv.getSchema("https://essprogramme.org/schemas/v1/programme.json");
for (const file of files) {
  const valid = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  const paths = new Set();
  for (const error of validate.errors || []) {
    // "must be null": the other branch of an optional value, not a problem of its own.
    if (error.keyword === "type" && error.params.type === "null") continue;
    const extra = error.params.missingProperty ?? error.params.additionalProperty ?? error.propertyName;
    const pointer = extra === undefined ? error.instancePath : `${error.instancePath}/${extra}`;
    // Keywords that only summarise their subschemas' errors name no path of their own.
    if (!["anyOf", "if", "propertyNames"].includes(error.keyword)) paths.add(pointer);
  }
  console.log(JSON.stringify({ file, valid, paths: [...paths].sort() }));
}
