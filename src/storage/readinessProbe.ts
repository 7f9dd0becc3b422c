/** A dependency that /readyz asks before saying the service is ready. */
export interface ReadinessProbe {
  readonly name: string;
  /** Resolves true when the dependency answers in time. Never throws. */
  isReady(): Promise<boolean>;
}
