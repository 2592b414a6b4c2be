/**
 * ARIA role on a Taro View for both builds: `ariaRole` is the mini-program's attribute; on H5, Taro's web
 * components copy unknown string props onto the element (attribute and property), so `role` lands as the real
 * role attribute — `ariaRole` alone would not. Typed as ViewProps knows it.
 */
export function roleProps(role: string): { ariaRole: string } {
  return { ariaRole: role, role } as { ariaRole: string }
}

/**
 * NutUI's Button renders Taro's <taro-button-core> on H5, which has no button role: give it one, so screen
 * readers announce it as a button (and tests can find it by role and name).
 */
export const BUTTON_ROLE = roleProps('button')
