# ip tuntap and ip link with TUN/TAP: what iproute2 and the kernel refuse.
ip link add d0 type veth peer name d1
ip tuntap add dev tun0 mode tun
ip tuntap add dev tap0 mode tap
ip tuntap add dev x mode foo
ip tuntap add dev zz
ip tuntap add dev tun0 mode tun
ip tuntap add dev tun0 mode tap
ip tuntap add dev d0 mode tun
ip tuntap add dev a8 mode tun user nosuchuser
ip tuntap add dev a8 mode tun group nosuchgroup
ip tuntap add dev tun9 mode tun bogus
ip tuntap add dev tun9 mode tun mode tap
ip tuntap add dev tun9 mode tun user
ip tuntap add dev tun9 mode
ip tuntap add dev 0123456789abcdefg mode tun
ip tuntap del dev d0 mode tun
ip tuntap del dev tap0 mode tun
ip tuntap del dev tap0
ip tuntap foo
ip tuntap help
ip link add t5 type tun
ip link add t5 type tun foo
ip link add t5 type tap
ip link add t5 type tap foo
ip link set tun0 type tun foo
ip tuntap show
ip link show
