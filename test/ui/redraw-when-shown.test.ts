/** @jest-environment jsdom */
/** "Redraw when shown again", written once: parts remember the service revision they are up to date with. */
import { emptyChange, type IndexChange } from "../../src/core/vault-index";
import type { IndexService } from "../../src/obsidian/index-service";
import { DrawnRevision, redrawWhenShown } from "../../src/ui/redraw-when-shown";
import { Component, createFakeApp, Events } from "../fakes/obsidian";

/** A stand-in for the index service: a revision that moves with every announced change. */
function announcer() {
  const events = new Events();
  const service = {
    revision: 0,
    ready: true,
    onChange: (listener: (change: IndexChange) => void) => events.on("change", listener),
    onProgress: (listener: () => void) => events.on("progress", listener),
  };
  const announce = (touched: boolean): void => {
    service.revision++;
    events.trigger("change", { ...emptyChange(), paths: new Set([touched ? "touched.md" : "other.md"]) });
  };
  return { service, announce };
}

function view() {
  const app = createFakeApp();
  const { service, announce } = announcer();
  const el = app.workspace.rootSplit.containerEl.createDiv();
  const mark = new DrawnRevision(service);
  let drawings = 0;
  const owner = new Component();
  owner.load();
  redrawWhenShown(owner as never, app as never, service as unknown as IndexService, el, [
    { mark, affects: (change) => change.paths.has("touched.md"), draw: () => { drawings++; mark.markDrawn(); } },
  ]);
  mark.markDrawn();
  const showAgain = (): void => {
    el.show();
    app.workspace.trigger("active-leaf-change");
  };
  return { announce, el, mark, showAgain, drawings: () => drawings, service, owner };
}

describe("a view drawn from the index", () => {
  test("shown, a change that touches it draws it at once", () => {
    const v = view();
    v.announce(true);
    expect([v.drawings(), v.mark.isBehind]).toEqual([1, false]);
  });

  test("shown, a change that does not touch it draws nothing and keeps it up to date", () => {
    const v = view();
    v.announce(false);
    expect([v.drawings(), v.mark.isBehind]).toEqual([0, false]);
  });

  test("hidden, a change that touches it leaves it behind; shown again, it draws once", () => {
    const v = view();
    v.el.hide();
    v.announce(true);
    v.announce(true);
    const hidden = [v.drawings(), v.mark.isBehind];
    v.showAgain();
    v.showAgain();
    expect([hidden, [v.drawings(), v.mark.isBehind]]).toEqual([[0, true], [1, false]]);
  });

  test("hidden, changes that do not touch it leave nothing to catch up", () => {
    const v = view();
    v.el.hide();
    v.announce(false);
    v.showAgain();
    expect(v.drawings()).toBe(0);
  });

  test("once behind, a later change that does not touch it leaves it behind", () => {
    const v = view();
    v.el.hide();
    v.announce(true);
    v.announce(false);
    v.showAgain();
    expect(v.drawings()).toBe(1);
  });

  test("unloaded, it listens no more", () => {
    const v = view();
    v.owner.unload();
    v.announce(true);
    expect(v.drawings()).toBe(0);
  });
});
