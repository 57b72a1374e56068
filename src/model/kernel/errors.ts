/** An error whose message names the problem; the simulation is unchanged when it is thrown. */
export class SimError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SimError'
  }
}
