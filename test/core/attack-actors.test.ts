import { actorsFromStix, type StixObject } from "../../src/core/attack-actors";
import { stixFixture } from "../support/stix-fixture";

const fixture = stixFixture();
const { actors, retired, problems } = actorsFromStix(fixture.objects as StixObject[]);
const byId = new Map(actors.map((actor) => [actor.attackId, actor]));

describe("ATT&CK's actors from STIX", () => {
  test("every live group, campaign and software, by ATT&CK ID, with the techniques it uses and those of its software", () => {
    expect(Object.fromEntries(actors.map((actor) => [actor.attackId, actor.techniques.map((technique) => technique.id)]))).toEqual(fixture.expected);
  });

  test("revoked and deprecated actors, techniques and relationships are left out, and the actors counted", () => {
    expect([...byId.keys()]).not.toContain("G0001");
    expect([...byId.keys()]).not.toContain("G0002");
    expect([...byId.keys()]).not.toContain("S0001");
    expect(retired).toBe(3);
  });

  test("an ID that is not ATT&CK's own form is refused, saying so", () => {
    expect(problems).toEqual([expect.stringMatching(/a intrusion-set whose ATT&CK ID is "..\/G0098", not G and four digits; left out$/)]);
  });

  test("a technique says whether the actor uses it itself and through which software", () => {
    expect(byId.get("G0016")?.techniques).toEqual([
      { id: "T1018", direct: false, via: ["S0002"] },
      { id: "T1059.001", direct: true, via: ["S0002"] },
    ]);
  });

  test("software, attribution and campaigns link the actors", () => {
    expect(byId.get("G0016")).toMatchObject({ software: ["S0002"], campaigns: ["C0024"], attributedTo: [] });
    expect(byId.get("C0024")).toMatchObject({ software: ["S0154"], attributedTo: ["G0016"] });
    expect(byId.get("S0002")).toMatchObject({ kind: "software", softwareType: "tool", software: [] });
  });

  test("names, aliases without the name, the page, the date and the references", () => {
    expect(byId.get("G0016")).toMatchObject({
      name: "APT29",
      aliases: ["Cozy Bear", "The Dukes"],
      url: "https://attack.mitre.org/groups/G0016",
      modified: "2025-04-04",
      references: [
        { name: "Report One", description: "Vendor. (2021). Report one. Retrieved 2021.", url: "https://example.com/one" },
        { name: "Report Two", description: "Vendor. (2022). Report two.", url: "https://example.com/two" },
      ],
    });
  });

  test.each<[string, unknown]>([
    ["no objects", []],
    ["objects of the wrong shapes", [null, 3, "x", { type: 7 }, { type: "intrusion-set" }, { type: "relationship", id: "r", source_ref: 1 }]],
  ])("%s give no actor and no crash", (_name, objects) => {
    expect(actorsFromStix((objects as unknown[]).filter((object): object is StixObject => typeof object === "object" && object !== null)).actors).toEqual([]);
  });
});
