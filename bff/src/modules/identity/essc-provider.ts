// The e-SSC (电子社保卡) issuer behind identity. The built-in local issuer (local-essc-provider.ts) keeps cards in
// our own essc_card table: activation (待开通 → 已开通 with an SMS code and a 6-digit PIN), PIN sign-in with
// lockout, PIN change. The national e-SSC channel works differently — the holder authenticates in the national
// app and our server learns the result server-to-server — so it plugs in through `remote` (create an
// authorisation request whose QR the holder scans, poll it until the holder confirms, receive the holder's
// identity). docs/essc-provider.md describes that adapter and how it maps onto our scan-code login tickets.
//
// A capability a provider does not have is simply absent; the use cases answer ESSC_NOT_AVAILABLE then.
import type { Tx } from '../../db/tx.ts'

/** Who the card belongs to, as our person register knows them. */
export interface EsscHolder {
  personId: number
  idNumber: string
  name: string
}

export interface EsscCardRecord {
  personId: number
  cardNo: string
  issueLevel: string
  status: 'PENDING' | 'ACTIVE' | 'REVOKED'
  /** The provider id that issued it ('local', 'national'). */
  issuer: string
  activatedAt: Date | null
}

/** Result of looking up a name + ID number for activation. */
export type ActivationCandidate =
  | { kind: 'pending'; holder: EsscHolder; phone: string; birthDate: string }
  /** No person with that ID number and name, or no card for them: said the same way, whichever part is wrong. */
  | { kind: 'mismatch' }
  | { kind: 'active' }
  | { kind: 'revoked' }
  | { kind: 'no-phone' }

export interface EsscActivation {
  findCandidate(input: { name: string; idNumber: string }): Promise<ActivationCandidate>
  /** The holder's data a PIN must not be derived from (birth date, ID number, phone). */
  pinContext(personId: number): Promise<{ birthDate: string; idNumber: string; phone?: string } | null>
  /** PENDING → ACTIVE with this PIN hash; false when the card was not PENDING any more (compare-and-set).
   *  `tx`: the caller's transaction (the session is opened in the same one). */
  activate(personId: number, pinHash: string, now: Date, tx?: Tx): Promise<boolean>
}

export type PinCheckResult =
  | { kind: 'ok'; holder: EsscHolder }
  | { kind: 'incorrect'; attemptsLeft: number }
  /** Locked until `until`; `justLocked` when this very attempt was the last allowed one. */
  | { kind: 'locked'; until: Date; personId: number; justLocked: boolean }
  /** No ACTIVE card for that ID number: the caller answers exactly as for a wrong PIN. */
  | { kind: 'unknown' }

export interface EsscPinAuth {
  /** Check a PIN, counting wrong ones towards the lockout. */
  verifyPin(input: { idNumber: string } | { personId: number }, pin: string, now: Date): Promise<PinCheckResult>
  /** Replace the PIN (the old one has been verified by verifyPin); `tx`: the caller's transaction. */
  setPin(personId: number, pinHash: string, now: Date, tx?: Tx): Promise<void>
}

/** Server-to-server authorisation through an external e-SSC platform (the national channel). */
export interface EsscRemoteAuth {
  /** Ask the platform for an authorisation request; `qrContent` is what the PC shows for the holder to scan. */
  createRequest(input: { purpose: 'SIGN_IN'; requesterIp: string; expiresInSeconds: number }): Promise<{
    requestId: string
    qrContent: string
    expiresAt: Date
  }>
  /** Poll the platform (it has no push to us); the holder's identity arrives with CONFIRMED. */
  pollRequest(requestId: string): Promise<
    | { state: 'PENDING' | 'SCANNED' | 'DENIED' | 'EXPIRED' }
    | { state: 'CONFIRMED'; holder: { idNumber: string; name: string; cardNo: string; issueLevel: string } }
  >
}

export interface EsscProvider {
  /** Stored as essc_card.issuer for the cards it issues. */
  readonly id: string
  readonly activation?: EsscActivation
  readonly pin?: EsscPinAuth
  readonly remote?: EsscRemoteAuth
  getCard(personId: number): Promise<EsscCardRecord | null>
}
