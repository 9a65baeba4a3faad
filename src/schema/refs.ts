/**
 * The object types, declared before they are implemented, so that the type files can
 * point at each other (region → interviews → region) without import cycles. There is one
 * for each kind of record, named as its declaration says (src/data/entities.ts), and a
 * connection type for each kind that is paged.
 */
import type { ObjectRef } from "@pothos/core";
import { type KindName, kinds, type RecordOf } from "../data/entities";
import type { InterviewQuestion } from "../data/shape";
import type { Nomination } from "../data/store";
import { builder, type Types } from "./builder";
import { connectionType } from "./connection";

const objectTypes = new Map<KindName, unknown>();
const connectionTypes = new Map<KindName, unknown>();

/** The object type of a kind: `refOf("region")` is `Region` (implemented in ./region.ts). */
export function refOf<K extends KindName>(kind: K): ObjectRef<Types, RecordOf<K>>;
export function refOf(kind: KindName): unknown {
  let ref = objectTypes.get(kind);
  if (!ref) objectTypes.set(kind, (ref = builder.objectRef(kinds[kind].type)));
  return ref;
}

/** The connection type of a kind (`InterviewConnection`), made on first use and shared by every field that pages it. */
export function connectionOf<K extends KindName>(kind: K): ReturnType<typeof connectionType<RecordOf<K>>>;
export function connectionOf(kind: KindName): unknown {
  let ref = connectionTypes.get(kind);
  if (!ref) {
    const { type, plural } = kinds[kind];
    connectionTypes.set(kind, (ref = connectionType(refOf(kind), type, plural)));
  }
  return ref;
}

export const NominationRef = builder.objectRef<Nomination>("Nomination");
export const InterviewQuestionRef = builder.objectRef<InterviewQuestion & { position: number }>("InterviewQuestion");
