/**
 * Customer PBX machines (work in progress, issue 3): the machine lifecycle's states and the rules for moving
 * between them. The machine service, its jobs and the facades build on these values.
 */
package org.mtmanager.api.machine;
