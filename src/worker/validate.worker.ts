/// <reference lib="webworker" />
/** A worker of its own for validating pasted scenarios (validateText.ts): the page never waits on it. */
import * as Comlink from 'comlink'
import { validateScenarioText } from './validateText'

const api = { validate: (text: string, seed?: number) => validateScenarioText(text, seed) }
export type ValidateApi = typeof api
Comlink.expose(api)
