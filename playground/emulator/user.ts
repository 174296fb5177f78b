/** Apps Script's User: the owner, editors, and the person running the script. */
export class UserFacade {
  static readonly gasName = "User";

  constructor(readonly _email: string) {}

  getEmail(): string {
    return this._email;
  }
}
