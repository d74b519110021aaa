// Errors governance reports to its caller: a machine-readable code and one human line (the CLI
// prints the message, never a stack trace).

export type GovernanceErrorCode = 'spec_missing' | 'spec_invalid' | 'baseline_invalid' | 'usage';

/** A failure the caller can act on: bad input, a missing bundle, a broken snapshot. */
export class GovernanceError extends Error {
  readonly code: GovernanceErrorCode;

  constructor(code: GovernanceErrorCode, message: string) {
    super(message);
    this.name = 'GovernanceError';
    this.code = code;
  }
}
