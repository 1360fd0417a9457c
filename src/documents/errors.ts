/**
 * A reader's way of saying "this file cannot be read" with a calm, client-safe note. Any other error
 * thrown while reading is logged with its detail and shown to the client as a generic note.
 */
export class UnreadableDocument extends Error {
  constructor(
    readonly clientNote: string,
    /** Internal detail for the log (never shown to the client). */
    readonly detail?: string,
  ) {
    super(detail ?? clientNote);
    this.name = 'UnreadableDocument';
  }
}
