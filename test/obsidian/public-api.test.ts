/** The API at `app.plugins.plugins["attack-vault"].api`, over an index built in Node. */
import { blockItems, blockSubject } from "../../src/core/query-block-view";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { evaluateQuery } from "../../src/core/query/evaluate";
import { parseQuery } from "../../src/core/query/parse";
import { VaultIndex } from "../../src/core/vault-index";
import { createAttackVaultApi } from "../../src/obsidian/public-api";
import { rule } from "../core/note-records";

describe("rulesFor", () => {
  const index = new VaultIndex();
  for (const [file, title, level] of [["r10", "Rule 10", "high"], ["r2", "rule 2", "high"], ["r1", "Rule 1", "low"], ["z", "Zeta", "critical"], ["none", "Alpha", null]]) {
    index.upsert(rule(file ?? "", ["t1059_001"], { title, level }));
  }
  const api = createAttackVaultApi({ index, ready: true }, () => true);

  test("lists a technique's rules in the order its block shows them", () => {
    const query = parseQuery("tag:detection_rule tag:T1059_001");
    if (!query.ok) throw new Error(query.error.message);
    const block = blockItems(evaluateQuery(query.value, index), index, blockSubject(query.value, DEFAULT_CONVENTIONS)).map((item) => item.title);
    expect(api.rulesFor("t1059.001").map((summary) => summary.title)).toEqual(block);
  });

  test("that order is most severe first, numbers in titles by value", () => {
    expect(api.rulesFor("T1059.001").map((summary) => summary.title)).toEqual(["Zeta", "rule 2", "Rule 10", "Rule 1", "Alpha"]);
  });
});
